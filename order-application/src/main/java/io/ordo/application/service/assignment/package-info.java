/** Assignment: one order at a time, or every open order of a user (ADR 0014 on the bulk's transactions). */
package io.ordo.application.service.assignment;
