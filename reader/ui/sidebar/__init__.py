"""The annotation sidebar: the article's note and tags, then its highlights in text order."""
