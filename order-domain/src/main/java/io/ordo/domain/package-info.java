/** The Order aggregate and its value objects: every business rule of an order lives in this module. */
package io.ordo.domain;
