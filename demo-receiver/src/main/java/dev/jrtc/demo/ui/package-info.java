/**
 * The {@code --window} desktop window.
 */
package dev.jrtc.demo.ui;
