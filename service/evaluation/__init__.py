"""Evaluation against hand-made gold (`summarise eval`).

articles  scores article digests: quotes, speakers, actors, events
merge     scores the merger and story grouping against gold/clusters.json
gold      loads gold files and the corpus articles they annotate
matching  the matching primitives: placing gold quotes, span overlap, name equivalence
pairs     pairwise scores of a grouping (stories, utterances) and the scripts' P/R/F1 convention
"""
