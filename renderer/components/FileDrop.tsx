import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './fileDrop.css';

interface FileDropProps {
  label: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  testId?: string;
  /** The file taken last, named in the zone so the producer sees what is being read. */
  fileName?: string | null;
}

/**
 * A drop zone for one file, in the UI language. The browser's own file button ("Choose File")
 * never shows: its input is visually hidden and the zone is the control (click, Enter or drop).
 */
export function FileDrop({ label, accept, onFile, disabled, testId, fileName }: FileDropProps): React.JSX.Element {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`file-drop${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <label>
        <span className="file-drop-label">{label}</span>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          accept={accept}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            // The same file chosen again (after fixing it on disk) must be read again.
            e.target.value = '';
          }}
        />
        <span className="file-drop-hint">{fileName ? t('pickers.file.chosen', { name: fileName }) : t('pickers.file.hint')}</span>
        <span className="file-drop-button" aria-hidden="true">
          {t('pickers.file.choose')}
        </span>
      </label>
    </div>
  );
}
