//! Article metadata from front matter (placeholder until the metadata module lands).

use crate::document::{Document, MetaField, MetaSource};

pub fn collect(doc: &mut Document) {
    let Some(fm) = &doc.front_matter else { return };
    for k in &fm.keys {
        doc.metadata.push(MetaField {
            name: k.name.clone(),
            raw_key: k.name.clone(),
            value: k.value.clone(),
            span: k.value_span.clone(),
            source: MetaSource::FrontMatter,
        });
    }
}
