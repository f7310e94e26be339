"""newsdigest: grounded structured summaries of news articles (events, actors, quotes)."""
