"""Plain-Python helpers (no Django imports): Vietnamese text and other pure logic."""
