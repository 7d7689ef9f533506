//! HTML articles (placeholder: text content only until the HTML parser lands).

use crate::document::Document;

pub fn parse(doc: &mut Document) {
    crate::document::text::parse(doc);
}
