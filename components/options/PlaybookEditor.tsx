import { useCallback, useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { errorText } from '@/lib/error-text';
import { t, uiLanguage } from '@/lib/i18n';
import { createDefaultPlaybook } from '@/lib/playbook/default-playbook';
import {
  addStage,
  NEW_STAGE_NAME,
  setPlaybookName,
  stagesNeedingAHome,
  type PlaybookDraft,
  type StageMove,
} from '@/lib/playbook/edit';
import { playbookPath } from '@/lib/playbook/field-errors';
import {
  PLAYBOOK_FILE_MAX_BYTES,
  playbookFileName,
  playbookFileText,
  readPlaybookFile,
} from '@/lib/playbook/file';
import {
  GENERAL_INDUSTRY,
  type IndustryId,
  type Playbook,
  type PlaybookError,
  type Stage,
} from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { LoadError, Loading } from '../shared/LoadError';
import { validationText } from './playbook/validation-text';
import { IndustriesEditor } from './playbook/IndustriesEditor';
import { fieldId, FieldMessages, LocalizedField } from './playbook/LocalizedField';
import { QuestionBank } from './playbook/QuestionBank';
import { StageEditor } from './playbook/StageEditor';
import {
  PublishButton,
  PublishPanel,
  TeamPlaybookNotice,
  usePublishToTeam,
  useTeamPlaybook,
} from './playbook/TeamPlaybook';
import type { DraftEditing } from './playbook/types';
import { usePlaybookDraft, type SaveOutcome } from './playbook/usePlaybookDraft';
import './playbook-editor.css';

type Notice = { kind: 'info' | 'success' | 'error'; text: string };

/** The team's playbook loaded into the draft: saving it answers the team's question with "adopted". */
interface Adoption {
  publishedAt: number;
  /** The saved playbook the draft was on when it came in: a reload from elsewhere ends the adoption. */
  from: Playbook;
  /** The draft before it came in: undoing back to it ends the adoption. */
  before: PlaybookDraft;
}

/** Problems in a file or a draft, each with where it is. */
function ErrorList({ errors, testId }: { errors: readonly PlaybookError[]; testId: string }) {
  const shown = errors.slice(0, 50);
  return (
    <ul className="ds-pb-error-list" data-testid={testId}>
      {shown.map((error, index) => (
        <li key={index} data-testid="playbook-error" data-path={error.path}>
          <code className="ds-pb-path">{error.path || t('pbPathWholeFile')}</code>{' '}
          {validationText(error.message)}
        </li>
      ))}
      {errors.length > shown.length ? (
        <li className="ds-muted">{t('pbMoreErrors', String(errors.length - shown.length))}</li>
      ) : null}
    </ul>
  );
}

/** Moves focus to an element once the change that creates it has rendered. */
function useFocusLater(): (id: string) => void {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (pending === null) return;
    document.getElementById(pending)?.focus();
    setPending(null);
  }, [pending]);
  return setPending;
}

function stageLabel(stage: Stage | undefined, id: string, locale: string): string {
  return stage ? localized(stage.name, locale) || id : id;
}

/**
 * The playbook editor: the team's industries, its stages with their exit checklists and follow-up
 * cadences (each with variants per industry where the work differs), and the SPIN question bank. Edits stay in this page as a draft (with undo) until the rep saves; the background then
 * checks the playbook again, moves the deals of removed stages, and every open panel reloads it.
 * A playbook travels between reps as a JSON file: export, and import (checked before it changes
 * anything). With sync on it also travels through the sync database: the saved playbook can be
 * published to the team, and a team playbook that waits for this rep's answer is reviewed in the draft
 * like an imported file, or declined.
 */
export function PlaybookEditor() {
  const idPrefix = useId().replace(/[^a-zA-Z0-9-]/g, '');
  const locale = uiLanguage();
  const state = usePlaybookDraft();
  const { draft, saved, errors, change } = state;
  const focusLater = useFocusLater();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [importErrors, setImportErrors] = useState<{ file: string; errors: PlaybookError[] } | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  /** Stages being given a home before a save: stage id → the stage its deals go to. */
  const [homes, setHomes] = useState<{ stageIds: string[]; choice: Record<string, string> } | null>(null);
  const [openStages, setOpenStages] = useState<ReadonlySet<string>>(new Set());
  /** Stage id → the industry whose checklist and cadence the stage shows (general when absent). */
  const [stageIndustries, setStageIndustries] = useState<Readonly<Record<string, IndustryId>>>({});
  const team = useTeamPlaybook();
  const publish = usePublishToTeam(state.dirty, team.reload);
  const [adoption, setAdoption] = useState<Adoption | null>(null);
  const [settling, setSettling] = useState(false);

  const editing: DraftEditing = useMemo(
    () => ({
      change,
      edit: (update, mergeKey) =>
        change((current) => ({ ...current, playbook: update(current.playbook) }), mergeKey),
      focusLater,
    }),
    [change, focusLater],
  );

  const problemCount = errors.all.length;
  useEffect(() => {
    if (problemCount === 0) setShowProblems(false);
  }, [problemCount]);

  // The team playbook left the draft (undone, or the draft was reloaded): saving no longer adopts it.
  useEffect(() => {
    if (adoption && (draft === adoption.before || saved !== adoption.from)) setAdoption(null);
  }, [adoption, draft, saved]);

  const toggleStage = useCallback((stageId: string, open: boolean) => {
    setOpenStages((current) => {
      if (current.has(stageId) === open) return current;
      const next = new Set(current);
      if (open) next.add(stageId);
      else next.delete(stageId);
      return next;
    });
  }, []);

  if (state.status === 'loading' || !draft || !saved) {
    return (
      <section className="ds-card ds-pb" aria-busy="true" data-testid="playbook-editor">
        <h2>{t('pbHeading')}</h2>
        {state.status === 'failed' ? (
          <LoadError message={t('pbLoadFailed', state.loadError ?? '')} onRetry={state.reload} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  const playbook = draft.playbook;

  function reportSave(outcome: SaveOutcome, adopted: Adoption | null) {
    if (outcome.ok) {
      setHomes(null);
      setNotice({
        kind: 'success',
        text: outcome.movedDeals > 0 ? t('pbSavedMoved', String(outcome.movedDeals)) : t('pbSaved'),
      });
      if (adopted) {
        setAdoption(null);
        void answerTeam(adopted.publishedAt, 'adopted');
      }
      return;
    }
    if (outcome.reason === 'stages-need-a-home') {
      askForHomes(outcome.stageIds);
      return;
    }
    if (outcome.reason === 'invalid') {
      setShowProblems(true);
      setNotice({ kind: 'error', text: t('pbSaveInvalid', String(outcome.errors.length)) });
      return;
    }
    setNotice({
      kind: 'error',
      text: t('pbSaveFailed', outcome.reason === 'failed' ? outcome.message : outcome.stageIds.join(', ')),
    });
  }

  function askForHomes(stageIds: string[]) {
    const first = playbook.stages[0]?.id ?? '';
    setHomes({ stageIds, choice: Object.fromEntries(stageIds.map((id) => [id, first])) });
    setNotice({ kind: 'info', text: t('pbHomesNeeded') });
    focusLater(`${idPrefix}-homes`);
  }

  async function save(extraMoves: StageMove[] = []) {
    if (problemCount > 0) {
      setShowProblems(true);
      setNotice({ kind: 'error', text: t('pbSaveInvalid', String(problemCount)) });
      const first = errors.all[0];
      if (first) focusFirstProblem(first.path);
      return;
    }
    const moved = new Set(extraMoves.map((move) => move.from));
    const homeless = stagesNeedingAHome(saved!, draft!).filter((stage) => !moved.has(stage.id));
    if (homeless.length > 0) {
      askForHomes(homeless.map((stage) => stage.id));
      return;
    }
    // Taken now: the save starts a new draft, which ends the adoption it completes.
    const adopted = adoption && adoption.from === saved ? adoption : null;
    setNotice({ kind: 'info', text: t('pbSaving') });
    reportSave(await state.save(extraMoves), adopted);
  }

  /** The team playbook into the draft, as an imported file: the rep reviews it, then saves. */
  function reviewTeamPlaybook() {
    const view = team.view;
    if (!view) return;
    const before = draft!;
    const loaded: PlaybookDraft = { ...before, playbook: view.playbook };
    change(() => loaded);
    setAdoption({ publishedAt: view.publishedAt, from: saved!, before });
    setImportErrors(null);
    setNotice({ kind: 'info', text: t('tpLoaded', localized(view.playbook.name, locale)) });
  }

  async function answerTeam(publishedAt: number, answer: 'adopted' | 'kept-own') {
    setSettling(true);
    try {
      await team.settle(publishedAt, answer);
    } catch (error) {
      setNotice({ kind: 'error', text: t('tpSettleFailed', errorText(error)) });
      team.reload();
    } finally {
      setSettling(false);
    }
  }

  function keepOwnPlaybook() {
    const view = team.view;
    if (!view) return;
    setAdoption(null);
    void answerTeam(view.publishedAt, 'kept-own');
  }

  /**
   * Opens the stage or question group holding the first problem, shows the industry whose checklist or
   * cadence it is in, and focuses its field.
   */
  function focusFirstProblem(path: string) {
    const stage = /^stages\[(\d+)\](?:\.industryChecklists\.([a-z0-9-]+))?/.exec(path);
    const cadence = /^cadences\[(\d+)\]/.exec(path);
    const stageIndex = stage ? Number(stage[1]) : undefined;
    const fromCadence = cadence ? playbook.cadences[Number(cadence[1])] : undefined;
    const stageId = stageIndex !== undefined ? playbook.stages[stageIndex]?.id : fromCadence?.stageId;
    const industry = stage?.[2] ?? fromCadence?.industry;
    if (stageId) {
      toggleStage(stageId, true);
      setStageIndustries((current) => ({ ...current, [stageId]: industry ?? GENERAL_INDUSTRY }));
    }
    focusLater(fieldId(idPrefix, path));
  }

  function exportFile() {
    if (problemCount > 0) {
      setShowProblems(true);
      setNotice({ kind: 'error', text: t('pbExportInvalid', String(problemCount)) });
      return;
    }
    const blob = new Blob([playbookFileText(playbook)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = playbookFileName(playbook, new Date());
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own copy once started; the object URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setNotice({ kind: 'success', text: t(state.dirty ? 'pbExportedDraft' : 'pbExported', link.download) });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again (after fixing it) reads it again.
    event.target.value = '';
    if (!file) return;
    const result =
      file.size > PLAYBOOK_FILE_MAX_BYTES
        ? readPlaybookFile('', file.size)
        : readPlaybookFile(await file.text(), file.size);
    if (!result.ok) {
      setImportErrors({ file: file.name, errors: result.errors });
      setNotice({ kind: 'error', text: t('pbImportInvalid', [file.name, String(result.errors.length)]) });
      focusLater(`${idPrefix}-import-errors`);
      return;
    }
    setImportErrors(null);
    change((current) => ({ ...current, playbook: result.playbook }));
    setNotice({ kind: 'info', text: t('pbImported', [file.name, localized(result.playbook.name, locale)]) });
  }

  function resetToDefault() {
    change((current) => ({ ...current, playbook: createDefaultPlaybook() }));
    setConfirmingReset(false);
    setNotice({ kind: 'info', text: t('pbResetDone') });
  }

  function addNewStage() {
    const added = addStage(draft!, NEW_STAGE_NAME, { en: '', 'zh-CN': '' });
    change(() => added.draft);
    toggleStage(added.stageId, true);
    focusLater(fieldId(idPrefix, playbookPath.stageText(playbook.stages.length, 'name', 'en')));
  }

  const statusText = state.dirty ? t('pbUnsaved') : t('pbAllSaved');
  const headingId = `${idPrefix}-heading`;

  return (
    <section className="ds-card ds-pb" aria-labelledby={headingId} data-testid="playbook-editor">
      <div className="ds-pb-head">
        <div>
          <h2 id={headingId}>{t('pbHeading')}</h2>
          <p className="ds-muted ds-small">{t('pbIntro')}</p>
        </div>
        <p className={`ds-pb-state${state.dirty ? ' ds-pb-state-dirty' : ''}`} data-testid="playbook-dirty">
          {statusText}
        </p>
      </div>

      <TeamPlaybookNotice
        view={team.view}
        reviewing={adoption !== null && adoption.publishedAt === team.view?.publishedAt}
        busy={settling}
        locale={locale}
        idPrefix={idPrefix}
        onUse={reviewTeamPlaybook}
        onKeep={keepOwnPlaybook}
      />

      <div className="ds-pb-toolbar" role="group" aria-label={t('pbToolbar')}>
        <button
          type="button"
          className="ds-button"
          data-testid="playbook-save"
          disabled={state.saving || !state.dirty}
          onClick={() => void save()}
        >
          {state.saving ? t('pbSaving') : t('pbSave')}
        </button>
        <button
          type="button"
          className="ds-pb-button"
          data-testid="playbook-undo"
          disabled={!state.canUndo}
          onClick={state.undo}
        >
          {t('pbUndo')}
        </button>
        <button type="button" className="ds-pb-button" data-testid="playbook-export" onClick={exportFile}>
          {t('pbExport')}
        </button>
        <label className="ds-pb-button ds-pb-file">
          {t('pbImport')}
          <input
            type="file"
            accept="application/json,.json"
            className="ds-pb-file-input"
            data-testid="playbook-import"
            onChange={(event) => void importFile(event)}
          />
        </label>
        <button
          type="button"
          className="ds-pb-button"
          data-testid="playbook-reset"
          aria-expanded={confirmingReset}
          onClick={() => {
            setConfirmingReset(!confirmingReset);
            focusLater(`${idPrefix}-reset-confirm`);
          }}
        >
          {t('pbReset')}
        </button>
        <PublishButton publish={publish} idPrefix={idPrefix} focusLater={focusLater} />
      </div>

      <PublishPanel publish={publish} idPrefix={idPrefix} locale={locale} />

      <p
        className={`ds-pb-notice ds-pb-notice-${notice?.kind ?? 'info'}`}
        role={notice?.kind === 'error' ? 'alert' : 'status'}
        data-testid="playbook-status"
      >
        {notice?.text ?? ''}
      </p>

      {state.changedElsewhere ? (
        <div className="ds-pb-confirm" role="alert">
          <p>{t('pbChangedElsewhere')}</p>
          <button type="button" className="ds-pb-button" onClick={state.reload}>
            {t('pbDiscardAndReload')}
          </button>
        </div>
      ) : null}

      {confirmingReset ? (
        <div className="ds-pb-confirm" role="group" aria-labelledby={`${idPrefix}-reset-title`}>
          <p id={`${idPrefix}-reset-title`}>{t('pbResetConfirmText')}</p>
          <div className="ds-row">
            <button
              id={`${idPrefix}-reset-confirm`}
              type="button"
              className="ds-button ds-pb-danger-button"
              data-testid="playbook-reset-confirm"
              onClick={resetToDefault}
            >
              {t('pbResetConfirm')}
            </button>
            <button type="button" className="ds-pb-button" onClick={() => setConfirmingReset(false)}>
              {t('pbCancel')}
            </button>
          </div>
        </div>
      ) : null}

      {importErrors ? (
        <div
          id={`${idPrefix}-import-errors`}
          className="ds-pb-problems"
          tabIndex={-1}
          data-testid="playbook-import-errors"
        >
          <p className="ds-pb-problems-title">{t('pbImportErrorsTitle', importErrors.file)}</p>
          <p className="ds-muted ds-small">{t('pbImportNothingChanged')}</p>
          <ErrorList errors={importErrors.errors} testId="playbook-import-error-list" />
          <button type="button" className="ds-pb-button" onClick={() => setImportErrors(null)}>
            {t('pbDismiss')}
          </button>
        </div>
      ) : null}

      {showProblems && problemCount > 0 ? (
        <div className="ds-pb-problems" data-testid="playbook-problems">
          <p className="ds-pb-problems-title">{t('pbProblemsTitle', String(problemCount))}</p>
          <ErrorList errors={errors.all} testId="playbook-problem-list" />
        </div>
      ) : null}

      {homes ? (
        <div id={`${idPrefix}-homes`} className="ds-pb-confirm" tabIndex={-1} data-testid="playbook-homes">
          <p className="ds-pb-confirm-title">{t('pbHomesTitle')}</p>
          <p className="ds-muted ds-small">{t('pbHomesHint')}</p>
          {homes.stageIds.map((stageId) => {
            const selectId = `${idPrefix}-home-${stageId}`;
            return (
              <div key={stageId} className="ds-pb-field">
                <label htmlFor={selectId} className="ds-label">
                  {t(
                    'pbHomeFor',
                    stageLabel(
                      saved.stages.find((stage) => stage.id === stageId),
                      stageId,
                      locale,
                    ),
                  )}
                </label>
                <select
                  id={selectId}
                  className="ds-select"
                  value={homes.choice[stageId] ?? ''}
                  onChange={(event) =>
                    setHomes({ ...homes, choice: { ...homes.choice, [stageId]: event.target.value } })
                  }
                >
                  {playbook.stages.map((stage) => (
                    <option key={stage.id} value={stage.id}>
                      {localized(stage.name, locale) || stage.id}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <div className="ds-row">
            <button
              type="button"
              className="ds-button"
              data-testid="playbook-homes-save"
              onClick={() =>
                void save(
                  homes.stageIds.map((from) => ({ from, to: homes.choice[from] ?? playbook.stages[0]!.id })),
                )
              }
            >
              {t('pbHomesSave')}
            </button>
            <button type="button" className="ds-pb-button" onClick={() => setHomes(null)}>
              {t('pbCancel')}
            </button>
          </div>
        </div>
      ) : null}

      <fieldset className="ds-pb-fieldset">
        <legend>{t('pbNameHeading')}</legend>
        <LocalizedField
          label={t('pbName')}
          value={playbook.name}
          path={playbookPath.name}
          errors={errors}
          idPrefix={idPrefix}
          testId="playbook-name"
          onChange={(language, value) =>
            editing.edit((current) => setPlaybookName(current, language, value), `name-${language}`)
          }
        />
      </fieldset>

      <section className="ds-pb-part" aria-labelledby={`${idPrefix}-industries`}>
        <h3 id={`${idPrefix}-industries`}>{t('pbIndustriesHeading')}</h3>
        <p className="ds-muted ds-small">{t('pbIndustriesHint')}</p>
        <IndustriesEditor
          playbook={playbook}
          errors={errors}
          idPrefix={idPrefix}
          locale={locale}
          editing={editing}
        />
      </section>

      <section className="ds-pb-part" aria-labelledby={`${idPrefix}-stages`}>
        <h3 id={`${idPrefix}-stages`}>{t('pbStagesHeading')}</h3>
        <p className="ds-muted ds-small">{t('pbStagesHint')}</p>
        <FieldMessages
          id={fieldId(idPrefix, playbookPath.stages)}
          messages={errors.at(playbookPath.stages)}
        />
        <ol className="ds-pb-stages-list">
          {playbook.stages.map((stage, index) => (
            <StageEditor
              key={stage.id}
              playbook={playbook}
              stage={stage}
              index={index}
              errors={errors}
              idPrefix={idPrefix}
              locale={locale}
              open={openStages.has(stage.id)}
              onToggle={(open) => toggleStage(stage.id, open)}
              industry={stageIndustries[stage.id] ?? GENERAL_INDUSTRY}
              onIndustryChange={(industry) =>
                setStageIndustries((current) => ({ ...current, [stage.id]: industry }))
              }
              editing={editing}
            />
          ))}
        </ol>
        <button type="button" className="ds-pb-button" data-testid="stage-add" onClick={addNewStage}>
          {t('pbStageAdd')}
        </button>
      </section>

      <section className="ds-pb-part" aria-labelledby={`${idPrefix}-questions`}>
        <h3 id={`${idPrefix}-questions`}>{t('pbQuestionsHeading')}</h3>
        <p className="ds-muted ds-small">{t('pbQuestionsHint')}</p>
        <QuestionBank
          playbook={playbook}
          errors={errors}
          idPrefix={idPrefix}
          locale={locale}
          editing={editing}
        />
      </section>
    </section>
  );
}
