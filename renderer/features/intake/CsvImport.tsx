import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDrop } from '../../components/FileDrop';
import { CSV_FIELDS, type CsvField, type CsvImportResult, type CsvMapping, type CsvPreview } from '../../../shared/protocol';
import { postCsv } from './csvApi';

/** File picker → suggested column mapping (editable) → preview with per-row errors → import. */
export function CsvImport(): React.JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (f: File, mapping: CsvMapping | undefined, commit: boolean): void => {
    setBusy(true);
    setError(null);
    postCsv(f, mapping, commit)
      .then((value) => {
        setPreview(value);
        setResult(commit ? (value as CsvImportResult) : null);
      }, (e: unknown) => setError((e as Error).message))
      .finally(() => setBusy(false));
  };

  const remap = (field: CsvField, column: string): void => {
    if (!file || !preview) return;
    const mapping: CsvMapping = { ...preview.mapping };
    if (column === '') delete mapping[field];
    else mapping[field] = Number(column);
    run(file, mapping, false);
  };

  return (
    <section className="intake-panel csv-import" aria-labelledby="csv-title">
      <h2 id="csv-title">{t('intake.csv.title')}</h2>
      <FileDrop
        label={t('intake.csv.file')}
        accept=".csv,text/csv"
        testId="csv-file"
        fileName={file?.name ?? null}
        onFile={(f) => {
          setFile(f);
          setPreview(null);
          setResult(null);
          run(f, undefined, false);
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p data-testid="csv-summary">
            {t('intake.csv.summary', {
              total: preview.total,
              valid: preview.valid,
              invalid: preview.total - preview.valid,
              encoding: preview.encoding,
              delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter,
            })}
          </p>
          <fieldset className="csv-mapping">
            <legend>{t('intake.csv.mapping')}</legend>
            {CSV_FIELDS.map((field) => (
              <label key={field}>
                {t(`intake.csv.field.${field}`)}
                <select value={preview.mapping[field] ?? ''} disabled={busy} onChange={(e) => remap(field, e.target.value)}>
                  <option value="">{t('intake.csv.notMapped')}</option>
                  {preview.columns.map((c, i) => (
                    <option key={i} value={i}>
                      {c || `#${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <h3>{t('intake.csv.preview')}</h3>
          <div className="table-scroll">
            <table className="csv-preview">
              <thead>
                <tr>
                  <th scope="col">{t('intake.csv.line')}</th>
                  {preview.columns.map((c, i) => (
                    <th key={i} scope="col">
                      {c}
                    </th>
                  ))}
                  <th scope="col">{t('intake.csv.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line} className={row.error ? 'row-error' : undefined}>
                    <td>{row.line}</td>
                    {preview.columns.map((_, i) => (
                      <td key={i}>{row.values[i] ?? ''}</td>
                    ))}
                    <td>{row.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errors.length > 0 && (
            <>
              <h3>{t('intake.csv.rowErrors')}</h3>
              <ul className="csv-errors" data-testid="csv-errors">
                {preview.errors.map((row) => (
                  <li key={row.line}>
                    {t('intake.csv.line')} {row.line}: {row.error}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="primary" disabled={busy || preview.valid === 0 || !file} onClick={() => file && run(file, preview.mapping, true)}>
            {t('intake.csv.import', { count: preview.valid })}
          </button>
        </>
      )}
      {result && (
        <p className="notice" role="status" data-testid="csv-result">
          {t('intake.csv.result', { created: result.created, duplicates: result.duplicates, errors: result.errors.length })}
        </p>
      )}
    </section>
  );
}
