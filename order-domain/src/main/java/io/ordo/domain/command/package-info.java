/** Commands: what a caller asks the Order aggregate to do, each carrying its actor; records only. */
package io.ordo.domain.command;
