"""Casework pages. Views are thin: parse, check scope, call a service, render."""
