//! Issues of a sentence (trade, water, migration…) and leverage (one issue used to move another).
