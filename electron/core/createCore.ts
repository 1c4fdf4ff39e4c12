import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { registerDepartmentCommands } from './commands/departments';
import { deviceKey, redeemPairing, registerDeviceCommands } from './commands/devices';
import { PairingCodes } from './pairing';
import { deviceForToken, listDevices } from './store/devices';
import { registerHandoffCommands } from './commands/handoffs';
import { registerNotificationCommands } from './commands/notifications';
import { CommandRegistry } from './commands/registry';
import { registerPrompterScroll } from './commands/prompterScroll';
import { registerQuestionCommands } from './commands/questions';
import { registerRundownCommands } from './rundown/commands';
import { createChannels, type Channels } from './channels';
import type { CoreConfig } from './config';
import { EventBus } from './events';
import { createAccessPolicy, newDeskSecret } from './http/access';
import { loginUrl } from './http/login';
import { createHttpServer, type HttpDeps } from './http/server';
import { registerGraphicsCommands } from './graphics/commands';
import { Hub } from './hub/hub';
import { createIntake, type Intake } from './intake/accept';
import { createAnalysisPool } from './moderation/analysisPool';
import { createModeration } from './moderation';
import { createReports } from './reports';
import type { Db } from './store/db';
import { createBackupService, type BackupService } from './backup/backupService';
import { openDeskDatabase } from './backup/openDesk';
import { registerBackupCommands } from './commands/backups';
import { registerPrivacyCommands } from './commands/privacy';
import { createRetention, type Retention } from './privacy/retention';
import { insertAudit } from './store/audit';
import { keyFileSecretBox } from './secrets/secretBox';
import { attachSecretBox, sealPlainSecrets } from './store/settings';
import { StorageHealthMonitor } from './storageHealth';

export interface Core {
  db: Db;
  bus: EventBus;
  hub: Hub;
  /** Every command's handler; the hub and any other door run commands through it. */
  registry: CommandRegistry;
  intake: Intake;
  http: FastifyInstance;
  /** Intake doors beyond the form: Telegram poller, WhatsApp, webhook, CSV, phone-in; channel state. */
  channels: Channels;
  /** Scheduled and manual backups of the database. */
  backups: BackupService;
  /** Erasing senders' personal data after the retention period. */
  retention: Retention;
  /** Whether the disk takes writes (the producers' banner). */
  storage: StorageHealthMonitor;
  /** The public listener's base URL (form and webhooks only), when `publicPort` is set. */
  publicUrl: string | null;
  /** Base URL the core listens on, e.g. http://127.0.0.1:4310 */
  url: string;
  /** This run's secret for the desk's own windows; never stored or logged. */
  deskSecret: string;
  /** The link that signs a browser on this machine in as the desk and opens `next`. */
  loginUrl(next?: string): string;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'desk.sqlite';

/** Starts the whole desk: storage, intake, hub and HTTP. Never imports electron. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const log = config.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const now = config.now ?? Date.now;
  mkdirSync(config.dataDir, { recursive: true });
  const { db, restored } = openDeskDatabase(config.dataDir, join(config.dataDir, DATABASE_FILE), now, log, {
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
  });
  // Before anything reads the settings: secrets are sealed by a key kept outside the database.
  attachSecretBox(db, config.secretBox ?? keyFileSecretBox(config.dataDir));
  const secrets = sealPlainSecrets(db, now());
  if (secrets.sealed.length > 0) log(`secrets: ${secrets.sealed.join(', ')} were stored in plain text and are now sealed`);
  for (const { name, reason } of secrets.unreadable) log(`secrets: ${name} cannot be read (${reason}); enter it again in the intake settings`);
  if (restored) {
    insertAudit(db, { at: now(), actor: restored.actor, action: 'backup.restored', entity: 'backup', entityId: 0, after: { name: restored.name, keptAs: restored.keptAs } });
  }
  const bus = new EventBus();
  const storage = new StorageHealthMonitor(db, bus, now, log);
  const registry = new CommandRegistry((error) => storage.report(error));
  const hub = new Hub(registry, log);
  const analysisPool = createAnalysisPool();
  const moderation = createModeration({ db, bus, now, analysisPool });
  const intake = createIntake({ db, bus, now, log, onInserted: moderation.onInserted, analyse: moderation.analyse });
  bus.onAny((name, payload) => hub.broadcast(name, payload as never));
  registerQuestionCommands(registry, moderation.commandDeps);
  hub.onDisconnect(moderation.disconnected);
  registerRundownCommands(registry, { db, bus, now });
  registerDepartmentCommands(registry, { db, bus, now });
  registerHandoffCommands(registry, { db, bus, now });
  const backups = createBackupService({ db, dataDir: config.dataDir, now, log, onChange: (list) => bus.emit('backups.changed', list) });
  registerBackupCommands(registry, { db, dataDir: config.dataDir, now, backups, storage, restart: config.restart });
  const retention = createRetention({ db, now, log });
  registerPrivacyCommands(registry, retention);
  registerGraphicsCommands(registry, { db, bus, now });
  registerPrompterScroll(registry, bus);

  const channels = createChannels({
    db,
    bus,
    registry,
    intake,
    now,
    log,
    perIpPerMinute: config.intakePerIpPerMinute ?? 30,
  });
  registerNotificationCommands(registry, { db, bus, now, kick: () => channels.outbox.kick() });
  const reports = createReports({ db, now, ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
  const deskSecret = config.deskSecret ?? newDeskSecret();
  const pairing = new PairingCodes(now);
  const httpDeps: HttpDeps = {
    access: createAccessPolicy({
      deskSecret,
      allowedHosts: config.allowedHosts ?? [],
      deviceFor: (token) => {
        const device = deviceForToken(db, token, now());
        // Open Devices panels show "last seen" as it changes (written at most once a minute).
        if (device?.touched) bus.emit('devices.changed', listDevices(db));
        return device ? { key: deviceKey(device.id), name: device.name, role: device.role } : null;
      },
    }),
    redeemPairing: (code) => redeemPairing({ db, now, pairing, bus }, code),
    channels,
    hub,
    intake,
    reports,
    handoffs: { db, bus, now },
    control: { db, registry, now },
    status: { db, now },
    formInfo: { db, now },
    staticDir: config.staticDir,
    storage,
    intakePerIpPerMinute: config.intakePerIpPerMinute ?? 30,
    trustedProxies: config.trustedProxies ?? [],
    log,
  };
  const http = await createHttpServer(httpDeps);
  const port = await listen(http, config.host, config.port);
  // The public form and webhooks on a port of their own: the one a reverse proxy exposes.
  const publicHttp = config.publicPort === undefined ? null : await createHttpServer({ ...httpDeps, surface: 'public' });
  const publicHost = config.publicHost ?? config.host;
  const publicPort = publicHttp ? await listen(publicHttp, publicHost, config.publicPort ?? 0) : null;
  registerDeviceCommands(registry, hub, { db, now, host: config.host, port, bus, pairing });
  await channels.start();
  const url = baseUrl(config.host, port);
  let closed = false;
  return {
    db,
    bus,
    hub,
    registry,
    intake,
    http,
    channels,
    backups,
    retention,
    storage,
    url,
    publicUrl: publicPort === null ? null : baseUrl(publicHost, publicPort),
    deskSecret,
    loginUrl: (next) => loginUrl(url, deskSecret, next),
    async close() {
      if (closed) return;
      closed = true;
      hub.close();
      moderation.close();
      await channels.close();
      await http.close();
      await publicHttp?.close();
      await intake.close();
      await reports.close();
      await analysisPool.close();
      await backups.close();
      await retention.close();
      storage.close();
      db.close();
    },
  };
}

async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  await app.listen({ host, port });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** How this machine reaches a listener (one on every address is reached at loopback). */
function baseUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
