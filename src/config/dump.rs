//! The effective rules as one TOML document (`corroborate rules --dump`).
//!
//! Merges the layers the way `settings` applies them, at the level of TOML tables:
//! a section's plain keys replace the lower layer's value, its `extend-*` keys append to
//! it, and top-level `extend-counted` appends per class. The result, used as the only
//! layer, gives the same `Settings`. Must not validate (the layers already were).

use toml::{Table, Value};

use super::Settings;
use crate::rules::KINDS;

/// Append `extra` to `target` when both are lists, or add classes to a table of lists.
fn extend(target: &mut Value, extra: Value) {
    match (target, extra) {
        (Value::Array(list), Value::Array(more)) => list.extend(more),
        (Value::Table(table), Value::Table(more)) => {
            for (key, value) in more {
                match table.get_mut(&key) {
                    Some(existing) => extend(existing, value),
                    None => {
                        table.insert(key, value);
                    }
                }
            }
        }
        (slot, value) => *slot = value,
    }
}

/// Apply one section (`[thresholds]`, `[vague]`, ...) of a higher layer to `base`:
/// plain keys first, then `extend-*` keys, as `settings` does within one layer.
fn merge_section(base: &mut Table, layer: Table) {
    let (extends, plain): (Vec<_>, Vec<_>) = layer
        .into_iter()
        .partition(|(key, _)| key.starts_with("extend-"));
    for (key, value) in plain {
        base.insert(key, value);
    }
    for (key, value) in extends {
        let target = key.trim_start_matches("extend-").to_owned();
        match base.get_mut(&target) {
            Some(existing) => extend(existing, value),
            None => {
                base.insert(target, value);
            }
        }
    }
}

/// Merge the layers' TOML texts, lowest first.
fn merge(layers: &[String]) -> Table {
    let mut merged = Table::new();
    for text in layers {
        let layer: Table = toml::from_str(text)
            .expect("every layer in Settings::layers parsed when the settings were built");
        let (extends, plain): (Vec<_>, Vec<_>) = layer
            .into_iter()
            .partition(|(key, _)| key.starts_with("extend-"));
        for (key, value) in plain {
            match (merged.get_mut(&key), value) {
                (Some(Value::Table(base)), Value::Table(section)) => merge_section(base, section),
                (_, value) => {
                    merged.insert(key, value);
                }
            }
        }
        for (key, value) in extends {
            let target = key.trim_start_matches("extend-").to_owned();
            match merged.get_mut(&target) {
                Some(existing) => extend(existing, value),
                None => {
                    merged.insert(target, value);
                }
            }
        }
    }
    merged
}

/// The effective rules of `settings` as TOML, every finding kind's severity spelled out.
/// `sources` names the layers for the header comment.
pub fn effective_toml(settings: &Settings, sources: &[String]) -> String {
    let mut merged = merge(&settings.layers);
    let severity: Table = KINDS
        .iter()
        .map(|k| {
            (
                k.name.to_owned(),
                Value::String(settings.severity_of(k.kind).name().to_owned()),
            )
        })
        .collect();
    merged.insert("severity".to_owned(), Value::Table(severity));
    let mut out = String::from(
        "# The effective rules: corroborate's built-in rules.toml with every layer applied.\n",
    );
    for source in sources {
        out.push_str("# layer: ");
        out.push_str(source);
        out.push('\n');
    }
    out.push_str("# Usable as a rules file: `corroborate check --rules THIS_FILE ...`.\n\n");
    out.push_str(
        &toml::to_string_pretty(&merged).expect("a TOML table read from TOML serializes again"),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::RulesSource, rules::FindingKind};

    fn layered(text: &str) -> Settings {
        Settings::from_layers(&[RulesSource {
            name: "test.toml".into(),
            text: text.into(),
        }])
        .expect("valid layer")
    }

    #[test]
    fn the_dump_read_back_gives_the_same_settings() {
        let settings = layered(
            "[thresholds]\nagree-context = 0.4\n[qualifiers]\nextend-more-than = [\"well over\"]\n\
             [extend-counted]\npersons = [\"fishers\"]\n[severity]\nsingle-source = \"off\"\n",
        );
        let dump = effective_toml(&settings, &["test.toml".into()]);
        let again = layered(&dump);
        assert_eq!(again.thresholds, settings.thresholds);
        assert_eq!(again.qualifiers, settings.qualifiers);
        assert_eq!(again.vague, settings.vague);
        assert_eq!(again.counted, settings.counted);
        assert_eq!(again.stopwords, settings.stopwords);
        assert_eq!(
            again.severity_of(FindingKind::SingleSource),
            crate::rules::Severity::Off
        );
        assert!(dump.contains("well over"));
        assert!(dump.contains("agree-context = 0.4"));
        // Dumping the dump changes nothing but the header.
        let body = |d: &str| {
            d.lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(body(&effective_toml(&again, &[])), body(&dump));
    }

    #[test]
    fn extend_keys_do_not_survive_into_the_dump() {
        let dump = effective_toml(&layered("[terms]\nextend-stopwords = [\"ferry\"]\n"), &[]);
        assert!(!dump.contains("extend-"), "{dump}");
    }
}
