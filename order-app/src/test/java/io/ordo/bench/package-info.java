/** The benchmark: Ordo against the machine's own limit, in one run (docs/benchmarks.md). */
package io.ordo.bench;
