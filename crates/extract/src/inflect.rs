//! Generated word forms: English verb inflections (-s, -ed, -ing, doubled consonants) and
//! noun plurals; Spanish conjugations of regular -ar/-er/-ir verbs (present, preterite,
//! imperfect, future, conditional, subjunctive, participle, gerund) with the usual spelling
//! changes (z→c, c→qu, g→gu before e). Irregular forms come from the lexicon files.

/// Grammatical hints carried by a generated form, used for modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormInfo {
    /// Future or conditional tense (Spanish "amenazará", "impondría").
    pub future: bool,
    /// Conditional tense (Spanish "-ría").
    pub conditional: bool,
    /// Past participle ("attacked", "atacado"): passive voice possible.
    pub participle: bool,
    /// First person plural ("aceptamos"): the speaker's side.
    pub first_plural: bool,
    /// Infinitive ("to impose", "imponer").
    pub infinitive: bool,
    /// English -ing form ("trading"), often an adjective or a noun.
    pub gerund: bool,
}

/// English verb forms of `lemma` (the first word of a multiword lemma is inflected).
pub fn english_verb(lemma: &str) -> Vec<(String, FormInfo)> {
    let (head, rest) = match lemma.split_once(' ') {
        Some((head, rest)) => (head, format!(" {rest}")),
        None => (lemma, String::new()),
    };
    let participle = FormInfo {
        participle: true,
        ..FormInfo::default()
    };
    let base = FormInfo {
        infinitive: true,
        ..FormInfo::default()
    };
    let mut forms = vec![(head.to_string(), base)];
    let bytes = head.as_bytes();
    let n = bytes.len();
    if n < 2 {
        return vec![(lemma.to_string(), base)];
    }
    let last = bytes[n - 1];
    let before = bytes[n - 2];
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    // Third person singular.
    let third = if head.ends_with(['s', 'x', 'z']) || head.ends_with("ch") || head.ends_with("sh") {
        format!("{head}es")
    } else if last == b'y' && !is_vowel(before) {
        format!("{}ies", &head[..n - 1])
    } else {
        format!("{head}s")
    };
    forms.push((third, FormInfo::default()));
    // Past and participle.
    let past = if last == b'e' {
        format!("{head}d")
    } else if last == b'y' && !is_vowel(before) {
        format!("{}ied", &head[..n - 1])
    } else {
        format!("{head}ed")
    };
    forms.push((past, participle));
    // Gerund.
    let gerund = if head.ends_with("ie") {
        format!("{}ying", &head[..n - 2])
    } else if last == b'e' && before != b'e' && n > 2 {
        format!("{}ing", &head[..n - 1])
    } else {
        format!("{head}ing")
    };
    let gerund_info = FormInfo {
        gerund: true,
        ..FormInfo::default()
    };
    forms.push((gerund, gerund_info));
    // Consonant doubling (ship → shipped, ban → banned, also "signalled" in British spelling):
    // both spellings are generated because the rule depends on stress.
    let vowel_groups = bytes
        .windows(2)
        .filter(|w| is_vowel(w[1]) && !is_vowel(w[0]))
        .count()
        + usize::from(is_vowel(bytes[0]));
    let stressed_end = ["mit", "pel", "fer", "trol", "cur", "gret", "bed"]
        .iter()
        .any(|end| head.ends_with(end));
    // British spelling doubles a final l after one vowel whatever the stress: cancelled,
    // travelled, fuelled, labelled.
    let british_l = last == b'l' && n >= 3 && is_vowel(before) && !is_vowel(bytes[n - 3]);
    if n >= 3
        && (vowel_groups == 1 || stressed_end || british_l)
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y' | b'h')
        && is_vowel(before)
        && !is_vowel(bytes[n - 3])
    {
        let doubled = format!("{head}{}", last as char);
        forms.push((format!("{doubled}ed"), participle));
        forms.push((format!("{doubled}ing"), gerund_info));
    }
    forms
        .into_iter()
        .map(|(form, info)| (format!("{form}{rest}"), info))
        .collect()
}

/// English noun forms: the singular and its plural.
pub fn english_noun(lemma: &str) -> Vec<String> {
    let (init, last_word) = match lemma.rsplit_once(' ') {
        Some((init, last)) => (format!("{init} "), last),
        None => (String::new(), lemma),
    };
    let plural = if last_word.ends_with(['s', 'x', 'z'])
        || last_word.ends_with("ch")
        || last_word.ends_with("sh")
    {
        format!("{last_word}es")
    } else if last_word.len() > 2
        && last_word.ends_with('y')
        && !last_word[..last_word.len() - 1].ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{}ies", &last_word[..last_word.len() - 1])
    } else {
        format!("{last_word}s")
    };
    vec![lemma.to_string(), format!("{init}{plural}")]
}

/// Spanish noun forms: the singular and its plural ("amenaza" → "amenazas", "acción" →
/// "acciones" after folding, "ataque" → "ataques").
pub fn spanish_noun(lemma: &str) -> Vec<String> {
    let (init, last_word) = match lemma.split_once(' ') {
        // In Spanish the head noun comes first ("ataque aereo" → "ataques aereos").
        Some((head, rest)) => (head, format!(" {rest}")),
        None => (lemma, String::new()),
    };
    let plural = if init.ends_with(['a', 'e', 'i', 'o', 'u']) {
        format!("{init}s")
    } else if let Some(stem) = init.strip_suffix('z') {
        format!("{stem}ces")
    } else {
        format!("{init}es")
    };
    let plural_rest = if last_word.is_empty() {
        String::new()
    } else if last_word.ends_with(['a', 'e', 'o']) {
        format!("{last_word}s")
    } else {
        last_word.clone()
    };
    vec![lemma.to_string(), format!("{plural}{plural_rest}")]
}

/// Spanish forms of an infinitive ("amenazar", "detener", "reunirse", "llamar a"): the verb is
/// the first word; a reflexive `-se` is dropped (clitics are separate tokens in conjugated use).
pub fn spanish_verb(lemma: &str) -> Vec<(String, FormInfo)> {
    let (head, rest) = match lemma.split_once(' ') {
        Some((head, rest)) => (head, format!(" {rest}")),
        None => (lemma, String::new()),
    };
    // "reunirse" → "reunir"; "pararse" → "parar" (the clitic is a token of its own in use).
    let head = head
        .strip_suffix("se")
        .filter(|h| h.ends_with("ar") || h.ends_with("er") || h.ends_with("ir"))
        .unwrap_or(head);
    let n = head.len();
    if n < 3 || !(head.ends_with("ar") || head.ends_with("er") || head.ends_with("ir")) {
        return vec![(lemma.to_string(), FormInfo::default())];
    }
    let stem = &head[..n - 2];
    let is_ar = head.ends_with("ar");
    let is_ir = head.ends_with("ir");
    // Stem before e/é (preterite 1sg and subjunctive of -ar verbs): spelling changes.
    let soft_stem = if !is_ar {
        stem.to_string()
    } else if let Some(s) = stem.strip_suffix('z') {
        format!("{s}c")
    } else if let Some(s) = stem.strip_suffix('c') {
        format!("{s}qu")
    } else if let Some(s) = stem.strip_suffix('g') {
        format!("{s}gu")
    } else {
        stem.to_string()
    };
    let info = FormInfo::default();
    let infinitive = FormInfo {
        infinitive: true,
        ..info
    };
    let future = FormInfo {
        future: true,
        ..info
    };
    let conditional = FormInfo {
        future: true,
        conditional: true,
        ..info
    };
    let participle = FormInfo {
        participle: true,
        ..info
    };
    let first_plural = FormInfo {
        first_plural: true,
        ..info
    };
    let mut forms: Vec<(String, FormInfo)> = Vec::with_capacity(40);
    let mut add = |form: String, info: FormInfo| forms.push((form, info));
    add(head.to_string(), infinitive);
    // Infinitive with an enclitic ("atacarlo", "amenazarlos").
    for clitic in ["lo", "la", "los", "las", "le", "les"] {
        add(format!("{head}{clitic}"), infinitive);
    }
    if is_ar {
        for ending in [
            "o", "as", "a", "an", "aste", "o", "aron", "aba", "abas", "aban", "abamos", "ando",
        ] {
            add(format!("{stem}{ending}"), info);
        }
        add(format!("{stem}amos"), first_plural);
        add(format!("{soft_stem}e"), info);
        for ending in ["e", "es", "en"] {
            add(format!("{soft_stem}{ending}"), info);
        }
        add(format!("{soft_stem}emos"), first_plural);
        for ending in ["ado", "ada", "ados", "adas"] {
            add(format!("{stem}{ending}"), participle);
        }
    } else {
        let theme = if is_ir { "i" } else { "e" };
        for ending in [
            "o", "es", "e", "en", "i", "iste", "io", "ieron", "ia", "ias", "ian", "iamos", "iendo",
            "a", "as", "an",
        ] {
            add(format!("{stem}{ending}"), info);
        }
        add(format!("{stem}{theme}mos"), first_plural);
        add(format!("{stem}imos"), first_plural);
        add(format!("{stem}amos"), first_plural);
        for ending in ["ido", "ida", "idos", "idas"] {
            add(format!("{stem}{ending}"), participle);
        }
    }
    for ending in ["e", "a", "an", "emos", "as"] {
        add(format!("{head}{ending}"), future);
    }
    for ending in ["ia", "ian", "iamos"] {
        add(format!("{head}{ending}"), conditional);
    }
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    forms.dedup_by(|a, b| a.0 == b.0);
    forms
        .into_iter()
        .map(|(form, info)| (format!("{form}{rest}"), info))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(lemma: &str) -> Vec<String> {
        english_verb(lemma)
            .into_iter()
            .map(|(form, _)| form)
            .collect()
    }

    fn spanish(lemma: &str) -> Vec<String> {
        spanish_verb(lemma)
            .into_iter()
            .map(|(form, _)| form)
            .collect()
    }

    #[test]
    fn english_regular_inflections() {
        assert_eq!(
            english("threaten"),
            ["threaten", "threatens", "threatened", "threatening"]
        );
        assert_eq!(
            english("accuse"),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(english("deny"), ["deny", "denies", "denied", "denying"]);
        assert!(english("ban").contains(&"banned".to_string()));
        // Both spellings: "canceled" (US) and "cancelled" (UK, most wire copy).
        let cancel = english("cancel");
        assert!(cancel.contains(&"canceled".to_string()));
        assert!(cancel.contains(&"cancelled".to_string()));
        assert!(english("lash out at").contains(&"lashed out at".to_string()));
        assert_eq!(english_noun("air strike"), ["air strike", "air strikes"]);
        assert_eq!(english_noun("sanction"), ["sanction", "sanctions"]);
    }

    #[test]
    fn spanish_conjugations() {
        let forms = spanish("amenazar");
        for form in [
            "amenazo",
            "amenazaron",
            "amenace",
            "amenazara",
            "amenazado",
            "amenazamos",
        ] {
            assert!(
                forms.contains(&form.to_string()),
                "{form} missing from {forms:?}"
            );
        }
        let forms = spanish("rechazar");
        assert!(forms.contains(&"rechazo".to_string()));
        let forms = spanish("extraditar");
        assert!(forms.contains(&"extradito".to_string()));
        let forms = spanish("reunirse");
        assert!(forms.contains(&"reunieron".to_string()));
        let forms = spanish("atacar");
        assert!(forms.contains(&"ataque".to_string()) && forms.contains(&"atacaron".to_string()));
        assert_eq!(
            spanish_noun("ataque aereo"),
            ["ataque aereo", "ataques aereos"]
        );
        assert_eq!(spanish_noun("accion"), ["accion", "acciones"]);
    }
}
