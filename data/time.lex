# time lexicon
