# quantities lexicon
