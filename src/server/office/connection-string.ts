/** `sdelka://ADDR:PORT#sha256=<hex>`: what the director hands to the other desks. */
export function connectionString(address: string, port: number, fingerprint: string): string {
  return `sdelka://${address.includes(':') ? `[${address}]` : address}:${port}#sha256=${fingerprint}`;
}

/** A parsed connection string, or a Russian reason why it is not one. */
export function parseConnectionString(text: string): { address: string; port: number; fingerprint: string } | { error: string } {
  const m = /^sdelka:\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})#sha256=([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!m) return { error: 'Строка подключения не похожа на «sdelka://адрес:порт#sha256=…» — скопируйте её из Настройки → Офис на главном компьютере' };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return { error: 'В строке подключения неверный порт' };
  return { address: (m[1] ?? '').replace(/^\[|\]$/g, ''), port, fingerprint: (m[3] ?? '').toLowerCase() };
}
