"""Comparing two documents: paragraphs aligned by content, changed words marked (`resqa compare`)."""
