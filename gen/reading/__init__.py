"""Reading: source files -> Documents (or a reason a file is skipped).

discover finds the files; decode turns bytes into text; detect picks the family from the
content and runs its reader (readers/), then the steps every family shares.
"""
