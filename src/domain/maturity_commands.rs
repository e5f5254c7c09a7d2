//! Commands for maturity self-assessments: models (custom, imported, and
//! the built-in one once a round uses it), rounds and their responses. The
//! rules themselves live in `maturity`; these handlers only check what the
//! workspace adds (does the model exist, is it used) and record events.

use super::command::Trail;
use super::maturity::{MaturityModel, ModelEdit, ModelError, NewResponse, Round, RoundError, RoundSpec};
use super::{Change, CommandError, Id, Workspace};

fn no_model(id: Id) -> CommandError {
    CommandError::NotFound { what: "maturity model", id }
}

fn no_round(id: Id) -> CommandError {
    CommandError::NotFound { what: "maturity round", id }
}

/// Stores a new model (written here or imported) under a new id, version 1.
pub(super) fn add_model(ws: &mut Workspace, mut model: MaturityModel, trail: &mut Trail) -> Result<Id, CommandError> {
    model.id = trail.ctx.ids.next_id();
    model.version = 1;
    model.validate()?;
    let name = model.name.en.clone();
    trail.push(Change::MaturityModelAdded {
        model: model.id,
        name: if name.is_empty() { model.name.zh.clone() } else { name },
    });
    let id = model.id;
    ws.maturity_models.push(model);
    Ok(id)
}

/// Makes sure the built-in model is stored before a round or an edit uses
/// it, so that later builds with another built-in text score old rounds
/// with the text they answered.
fn store_builtin(ws: &mut Workspace, model: Id, trail: &mut Trail) {
    if model == super::maturity::COLLABORATION_MODEL_ID && !ws.maturity_models.iter().any(|m| m.id == model) {
        let builtin = super::maturity::collaboration_model();
        trail.push(Change::MaturityModelAdded { model, name: builtin.name.en.clone() });
        ws.maturity_models.push(builtin);
    }
}

/// Edits the newest version of a model into a new version. The old version
/// is kept while a round answers it.
pub(super) fn edit_model(
    ws: &mut Workspace,
    model: Id,
    edit: ModelEdit,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let current = ws.maturity_model(model).ok_or_else(|| no_model(model))?.into_owned();
    let mut next = current.clone();
    next.edit(edit)?;
    if next == current {
        return Ok(());
    }
    store_builtin(ws, model, trail);
    let version = next.version;
    trail.push(Change::MaturityModelEdited { model, version });
    let answered = |v: u32| ws.maturity_rounds.iter().any(|r| r.model() == model && r.model_version() == v);
    let keep_old = answered(current.version);
    if !keep_old {
        ws.maturity_models.retain(|m| !(m.id == model && m.version == current.version));
    }
    ws.maturity_models.push(next);
    Ok(())
}

pub(super) fn remove_model(ws: &mut Workspace, model: Id, trail: &mut Trail) -> Result<(), CommandError> {
    if !ws.maturity_models.iter().any(|m| m.id == model) {
        return Err(no_model(model));
    }
    let rounds = ws.maturity_rounds.iter().filter(|r| r.model() == model).count();
    if rounds > 0 {
        return Err(CommandError::ModelInUse { rounds });
    }
    trail.push(Change::MaturityModelRemoved { model });
    ws.maturity_models.retain(|m| m.id != model);
    Ok(())
}

pub(super) fn start_round(
    ws: &mut Workspace,
    model: Id,
    spec: RoundSpec,
    trail: &mut Trail,
) -> Result<Id, CommandError> {
    let m = ws.maturity_model(model).ok_or_else(|| no_model(model))?.into_owned();
    let id = trail.ctx.ids.next_id();
    let round = Round::new(id, &m, spec, trail.ctx.now)?;
    store_builtin(ws, model, trail);
    trail.push(Change::RoundStarted { round: id, team: round.team().name.clone(), period: round.period().to_string() });
    ws.maturity_rounds.push(round);
    Ok(id)
}

fn round_index(ws: &Workspace, round: Id) -> Result<usize, CommandError> {
    ws.maturity_rounds.iter().position(|r| r.id() == round).ok_or_else(|| no_round(round))
}

pub(super) fn update_round(
    ws: &mut Workspace,
    round: Id,
    spec: RoundSpec,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let i = round_index(ws, round)?;
    let mut next = ws.maturity_rounds[i].clone();
    next.update(spec)?;
    if next != ws.maturity_rounds[i] {
        trail.push(Change::RoundChanged { round, period: next.period().to_string(), anonymous: next.is_anonymous() });
        ws.maturity_rounds[i] = next;
    }
    Ok(())
}

pub(super) fn remove_round(ws: &mut Workspace, round: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let i = round_index(ws, round)?;
    let removed = ws.maturity_rounds.remove(i);
    trail.push(Change::RoundRemoved { round, period: removed.period().to_string() });
    Ok(())
}

pub(super) fn add_response(
    ws: &mut Workspace,
    round: Id,
    response: NewResponse,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let i = round_index(ws, round)?;
    let r = &ws.maturity_rounds[i];
    let model = ws.model_of(r).ok_or_else(|| no_model(r.model()))?.into_owned();
    let mut next = r.clone();
    let id = trail.ctx.ids.next_id();
    next.add_response(&model, id, response, trail.ctx.now)?;
    // The trail says that someone answered, never who in an anonymous round.
    trail.push(Change::ResponseAdded { round, response: id });
    ws.maturity_rounds[i] = next;
    Ok(())
}

pub(super) fn remove_response(
    ws: &mut Workspace,
    round: Id,
    response: Id,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let i = round_index(ws, round)?;
    let mut next = ws.maturity_rounds[i].clone();
    next.remove_response(response)?;
    trail.push(Change::ResponseRemoved { round, response });
    ws.maturity_rounds[i] = next;
    Ok(())
}

impl From<ModelError> for CommandError {
    fn from(e: ModelError) -> Self {
        CommandError::Model(e)
    }
}

impl From<RoundError> for CommandError {
    fn from(e: RoundError) -> Self {
        CommandError::Round(e)
    }
}
