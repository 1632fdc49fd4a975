/** The read log: who was given which answer about which order, written in batches behind the reads. */
package io.ordo.adapters.persistence.readlog;
