/**
 * The demo receiver: point a browser at it and see what the Java side sees.
 */
package dev.jrtc.demo;
