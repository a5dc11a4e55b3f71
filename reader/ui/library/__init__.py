"""The library pane: the filter box, the article list over ids, and the tag list."""
