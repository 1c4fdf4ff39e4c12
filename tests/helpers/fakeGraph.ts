import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the desk sent through the fake WhatsApp Cloud API. */
export interface GraphSend {
  phoneNumberId: string;
  to: string;
  text: string;
  /** The citizen's message it answers (`context.message_id`). */
  replyTo: string | null;
  /** An approved template sent outside the 24-hour window: its name, language and text parameters. */
  template?: { name: string; language: string; parameters: string[] };
}

/** A local Graph API that accepts `POST /<phone number id>/messages` and records each one. */
export class FakeGraph {
  readonly sent: GraphSend[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/([^/]+)\/messages$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found","code":100}}');
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as any;
        this.sent.push({
          phoneNumberId: match[1]!,
          to: body.to,
          text: body.text?.body,
          replyTo: body.context?.message_id ?? null,
          ...(body.type === 'template'
            ? {
                template: {
                  name: body.template.name,
                  language: body.template.language.code,
                  parameters: (body.template.components?.[0]?.parameters ?? []).map((p: { text: string }) => p.text),
                },
              }
            : {}),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.out-${this.sent.length}` }] }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
