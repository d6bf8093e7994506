"""Views of the directory: public pages, My list, the widget, and the editorial workflow."""
