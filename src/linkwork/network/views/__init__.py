"""Network pages: thin adapters over services and selectors."""
