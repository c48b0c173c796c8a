# concepts lexicon
