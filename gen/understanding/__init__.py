"""Understanding: a Document becomes an Article (anchors, themes, places, figures,
glossary terms); across the corpus, duplicates are found."""
