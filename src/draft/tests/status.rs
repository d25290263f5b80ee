//! Status lists: a page that gives, under each heading (or in each item), a mark
//! for how far its product implements the thing ("🟢 Fully implemented", "🟡
//! Partly", "🔴 Not implemented"), the product being the one the page opens with.

use super::{catalogue, features_on};
use crate::draft::draft;
use crate::model::Stance;

#[test]
fn a_status_mark_under_a_heading_is_the_opening_products_stance_on_it() {
    let text = "Every day, Zapr gets closer to full Quux compatibility. Popular Quux \
                tools work with Zapr. Quux tests run before every release of Zapr.\n\n\
                The notes below reflect Zapr's compatibility with Quux 2. Quux is old. \
                Quux is loved. Quux is big. Quux runs everywhere. Quux has fans.\n\n\
                ## Modules\n\n\
                ### [`quux:fs`](https://quux.example/fs)\n\n\
                🟢 Fully implemented. 92% of the suite passes.\n\n\
                ### `quux:vm`\n\n\
                🟡 Core functionality works, but modules are not implemented.\n\n\
                ### `quux:repl`\n\n\
                🔴 Not implemented.\n\n\
                ## Globals\n\n\
                - `Stream` - ❌ Not implemented.\n";
    let rows = draft(text, &catalogue(), &[]);
    assert_eq!(
        features_on(&rows, 9),
        [("zapr", "quux-fs", Some(Stance::Builtin))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 13),
        [("zapr", "quux-vm", Some(Stance::Limited))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 17),
        [("zapr", "quux-repl", Some(Stance::Lacks))],
        "{rows:#?}"
    );
    assert_eq!(
        features_on(&rows, 21),
        [("zapr", "stream", Some(Stance::Lacks))],
        "{rows:#?}"
    );
}
