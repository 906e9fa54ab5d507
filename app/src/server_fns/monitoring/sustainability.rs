use crate::error::AppError;
use crate::wire::monitoring::Sustainability;
use leptos::prelude::*;

/// Plans listed per page on the sustainability page.
pub const PAGE_SIZE: usize = 25;

/// How funded businesses stand (admins): every call with funded plans counted by the band of
/// their latest visit's score, and for `call` one page (one-based, as the page's links say)
/// of its plans, lowest score first, those without a score last. A GET, so the call picker and
/// the page links work without a script.
#[server(name = LoadSustainability, endpoint = "monitoring/sustainability", input = server_fn::codec::GetUrl)]
pub async fn sustainability(
    call: Option<String>,
    page: Option<String>,
) -> Result<Sustainability, AppError> {
    use crate::db::monitoring::scores;
    use crate::domain::accounts::role::Role;
    use crate::server_fns::{context, parse_id, require, respond};

    respond(
        async {
            require(&[Role::Admin]).await?;
            let call = match call.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(id) => Some(parse_id(id)?),
            };
            let page = page
                .and_then(|p| p.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .max(1)
                - 1;
            let mut tx = context()?.db.read().await?;
            let lines = scores::funded_plans(&mut tx).await?;
            tx.commit().await?;
            let view = assemble::assemble(lines, call, page);
            if call.is_some() && view.chosen.is_none() {
                return Err(AppError::NotFound);
            }
            Ok(view)
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
mod assemble {
    use super::PAGE_SIZE;
    use crate::db::monitoring::scores::CallScoreLine;
    use crate::domain::monitoring::score::Band;
    use crate::wire::monitoring::{CallBands, CallScores, ScoreLine, Sustainability};

    /// Counts each call's plans by band and cuts the chosen call's page.
    pub fn assemble(lines: Vec<CallScoreLine>, call: Option<i64>, page: usize) -> Sustainability {
        let mut calls: Vec<CallBands> = Vec::new();
        let mut chosen_lines = Vec::new();
        for entry in lines {
            if calls.last().is_none_or(|last| last.call != entry.call) {
                calls.push(CallBands {
                    call: entry.call,
                    reference: entry.call_reference.clone(),
                    title: entry.call_title.clone(),
                    ..CallBands::default()
                });
            }
            let bands = calls.last_mut().expect("pushed above");
            count(bands, &entry.line);
            if Some(entry.call) == call {
                chosen_lines.push(entry.line);
            }
        }
        let chosen = call
            .and_then(|id| calls.iter().find(|c| c.call == id).cloned())
            .map(|bands| page_of(bands, chosen_lines, page));
        Sustainability { calls, chosen }
    }

    fn count(bands: &mut CallBands, line: &ScoreLine) {
        bands.funded += 1;
        match line.score.map(|score| score.band()) {
            Some(Band::AtRisk) => bands.at_risk += 1,
            Some(Band::Fragile) => bands.fragile += 1,
            Some(Band::Sustainable) => bands.sustainable += 1,
            None => bands.unscored += 1,
        }
    }

    /// Lowest score first (the businesses that need help), unscored last, then oldest plan first.
    fn page_of(bands: CallBands, mut lines: Vec<ScoreLine>, page: usize) -> CallScores {
        lines.sort_by(|a, b| {
            let key = |line: &ScoreLine| line.score.map_or(u16::MAX, |s| u16::from(s.total()));
            key(a).cmp(&key(b)).then_with(|| a.plan.cmp(&b.plan))
        });
        let pages = lines.len().div_ceil(PAGE_SIZE).max(1);
        let page = page.min(pages - 1);
        let lines = lines
            .into_iter()
            .skip(page * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect();
        CallScores {
            bands,
            lines,
            page,
            pages,
        }
    }
}
