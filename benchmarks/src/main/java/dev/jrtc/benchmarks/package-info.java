/**
 * JMH benchmarks of the hot paths and the side-by-side comparisons.
 */
package dev.jrtc.benchmarks;
