/** The report formats a page offers, as GET /api/reports/{report}.{format} serves them. */
const FORMATS = [
  { format: 'pdf', label: 'Download PDF' },
  { format: 'xlsx', label: 'Download Excel' },
] as const;

export interface ReportDownloadsProps {
  /** The report's name in the URL: kpis, account-health, production-daily. */
  report: string;
  /** Its parameters (the page's current filters); undefined ones are left out. */
  params?: Record<string, string | undefined>;
  /** What the report is, said in each link's tooltip: "KPI report". */
  label: string;
}

/**
 * "Download PDF" and "Download Excel": plain links to the report, so the
 * browser downloads the file under the name the server gives it, with the
 * session cookie (the session's active organization, the one the app shows).
 */
export function ReportDownloads(props: ReportDownloadsProps) {
  const href = (format: string) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(props.params ?? {})) if (value) query.set(key, value);
    const search = query.toString();
    return `/api/reports/${props.report}.${format}${search ? `?${search}` : ''}`;
  };
  return (
    <div class="report-downloads">
      {FORMATS.map((f) => (
        <a class="button button-secondary" href={href(f.format)} title={`${props.label}, ${f.format.toUpperCase()}`} download="">
          {f.label}
        </a>
      ))}
    </div>
  );
}
