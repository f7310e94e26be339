"""The command line and its renderers.

    main            the `summarise` command: options, engine choice, exit codes
    batch_commands  `summarise FOLDER --store ...` and `summarise store list|export|prune|stats`
    common          what both share: messages, checked option types, signal handling
    render          digests as a terminal view, Markdown, JSON, JSON Lines and HTML
    render_story    stories (merged digests) in the same formats
    render_text     small text helpers both renderers use
    json_stream     the {"digests", "stories"} JSON document written as digests arrive
    html_report     `--format html`: digest, merge and write the self-contained report

Nothing is imported here, so `import service.cli.render` costs only the renderer.
"""
