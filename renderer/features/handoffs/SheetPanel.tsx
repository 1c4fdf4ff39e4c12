import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDrop } from '../../components/FileDrop';
import {
  HANDOFF_SHEET_FORMATS,
  HANDOFF_SHEET_PATH,
  type DepartmentEntry,
  type HandoffSheetImport,
  type HandoffSheetResult,
  type HandoffSheetRow,
} from '../../../shared/protocol';
import { postToDesk, toBase64 } from '../../components/fileUpload';
import { currentLanguage } from '../../i18n';

async function postSheet(departmentId: number, file: File, commit: boolean): Promise<HandoffSheetResult> {
  const body: HandoffSheetImport = {
    departmentId,
    fileName: file.name,
    contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
    commit,
  };
  return postToDesk(HANDOFF_SHEET_PATH, body);
}

function RowProblem({ row }: { row: HandoffSheetRow }): React.JSX.Element {
  const { t } = useTranslation();
  if (!row.error) return <>{t(`handoffs.sheet.result.${row.outcome}`)}</>;
  return (
    <>
      {t(`handoffs.sheet.error.${row.error}`, { row: row.row, reference: row.reference })}
      {row.currentAnswer !== null && <q className="current-answer">{row.currentAnswer}</q>}
    </>
  );
}

/**
 * A department's open hand-offs out as a sheet, its answers back in: pick or drop the filled file,
 * read the preview (what each row will do, and why a row cannot be used), then record the answers.
 */
export function SheetPanel({ departments, onApplied }: { departments: DepartmentEntry[]; onApplied: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const active = departments.filter((d) => d.active);
  const [chosen, setChosen] = useState<number | null>(null);
  const departmentId = chosen ?? active[0]?.id ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<HandoffSheetResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (f: File, commit: boolean): void => {
    if (departmentId === null) return;
    setBusy(true);
    setError(null);
    postSheet(departmentId, f, commit)
      .then(
        (value) => {
          setResult(value);
          if (commit) onApplied();
        },
        (e: unknown) => {
          setResult(null);
          setError((e as Error).message);
        },
      )
      .finally(() => setBusy(false));
  };
  const pick = (f: File | null): void => {
    setFile(f);
    setResult(null);
    if (f) run(f, false);
  };

  return (
    <section className="intake-panel sheet-panel" aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t('handoffs.sheet.title')}</h2>
      <p className="hint">{t('handoffs.sheet.hint')}</p>
      <div className="inline-form">
        <label>
          {t('handoffs.sheet.department')}
          <select
            value={departmentId ?? ''}
            data-testid="sheet-department"
            onChange={(e) => {
              setChosen(Number(e.target.value));
              setFile(null);
              setResult(null);
            }}
          >
            {active.map((d) => (
              <option key={d.id} value={d.id}>
                {d.names[lang]}
              </option>
            ))}
          </select>
        </label>
        {departmentId !== null && (
          <span className="sheet-downloads">
            {t('handoffs.sheet.download')}:
            {HANDOFF_SHEET_FORMATS.map((format) => (
              <a key={format} href={`${HANDOFF_SHEET_PATH}?department=${departmentId}&format=${format}&lang=${lang}`} download data-format={format}>
                {format.toUpperCase()}
              </a>
            ))}
          </span>
        )}
      </div>
      <FileDrop
        label={t('handoffs.sheet.file')}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="sheet-file"
        disabled={departmentId === null}
        fileName={file?.name ?? null}
        onFile={pick}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <h3>{t('handoffs.sheet.preview')}</h3>
          <p data-testid="sheet-summary">{t('handoffs.sheet.summary', { changes: result.changes, unchanged: result.unchanged, errors: result.errors })}</p>
          <div className="table-scroll">
            <table className="csv-preview" data-testid="sheet-preview">
              <thead>
                <tr>
                  <th scope="col">{t('handoffs.sheet.row')}</th>
                  <th scope="col">{t('handoffs.sheet.reference')}</th>
                  <th scope="col">{t('handoffs.sheet.answer')}</th>
                  <th scope="col">{t('handoffs.sheet.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.row} className={row.error ? 'row-error' : undefined} data-outcome={row.outcome}>
                    <td>{row.row}</td>
                    <td>{row.reference}</td>
                    <td>{row.answer}</td>
                    <td>
                      <RowProblem row={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.applied ? (
            <p className="notice" role="status" data-testid="sheet-applied">
              {result.changes > 0 ? t('handoffs.sheet.applied', { changes: result.changes }) : t('handoffs.sheet.nothing')}
            </p>
          ) : (
            <button type="button" className="primary" disabled={busy || result.changes === 0 || !file} onClick={() => file && run(file, true)}>
              {t('handoffs.sheet.apply', { count: result.changes })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
