"""The language layer: scripts, tokenization, stop words, the UN glossary, the entity table and
the question's expected answer types. It sits at the bottom of the import graph (standard
library, jieba, numpy, resqa.errors/settings only), so BM25, question parsing, the judge and the
renderer read text the same way."""
