'use client';

/** Last resort when even the root layout fails: no catalogue is available, so both languages. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif', padding: '4rem', textAlign: 'center' }}>
        <h1>出错了 · Something went wrong</h1>
        <p>请稍后重试。Please try again later.</p>
        {error.digest ? <p style={{ fontFamily: 'monospace', fontSize: 12 }}>{error.digest}</p> : null}
      </body>
    </html>
  );
}
