//! Helpers for forms driven by server actions.

use crate::domain::shared::problem::Field;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The error of the last submission of a form, if it failed.
pub type LastError = Signal<Option<AppError>>;

/// The error of an action's last run (also after a JavaScript-free post, when the server
/// sends the error back in the page address).
pub fn last_error<S>(action: ServerAction<S>) -> LastError
where
    S: ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|result| result.err()))
}

/// `aria-invalid` for an input, from the last error.
pub fn invalid(error: LastError, field: Field) -> impl Fn() -> &'static str + Copy + Send + Sync {
    move || {
        if error
            .get()
            .is_some_and(|e| !e.problems_for(field).is_empty())
        {
            "true"
        } else {
            "false"
        }
    }
}

/// The text to put between `<textarea>` and `</textarea>`. Leptos renders a textarea's
/// children without HTML escaping on the server (tachys marks `textarea` like `script`), so a
/// text containing `</textarea>` would end the element and inject markup. The server escapes
/// it here (the browser decodes the entities back: the field holds the exact text); in the
/// browser the child is a DOM text node and needs no escaping.
pub fn textarea_text(text: &str) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text.to_owned()
    }
}
