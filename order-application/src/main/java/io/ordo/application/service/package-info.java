/**
 * Services implementing the use cases, one sub-package per feature; here the access policy and the path every
 * write to an existing order takes.
 */
package io.ordo.application.service;
