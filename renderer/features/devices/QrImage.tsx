import { useEffect, useState } from 'react';

async function qrDataUrl(text: string): Promise<string> {
  const qr = await import('qrcode');
  const svg = await qr.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * A QR code as an SVG image (data: URLs are allowed by the page's CSP; no markup is injected).
 * The encoder is loaded on first use, so screens that never open the panel do not carry it.
 */
export function QrImage({ text, alt }: { text: string; alt: string }): React.JSX.Element {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    qrDataUrl(text).then(
      (url) => current && setSrc(url),
      () => current && setSrc(null),
    );
    return () => {
      current = false;
    };
  }, [text]);
  return src ? <img className="device-qr" src={src} alt={alt} /> : <div className="device-qr" aria-hidden="true" />;
}
