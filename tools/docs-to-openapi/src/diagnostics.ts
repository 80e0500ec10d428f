import type { Diagnostic, Severity } from '@sds-toolkit/openapi-model';
import type { DiagnosticCode } from './codes.js';

/** Collects diagnostics during one extraction. Codes are kebab-case and stable: tools and ignore lists key on them. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(code: DiagnosticCode, severity: Severity, message: string, file: string, line: number): void {
    this.items.push({ code, severity, message, file, line: Math.max(1, line) });
  }

  error(code: DiagnosticCode, message: string, file: string, line: number): void {
    this.add(code, 'error', message, file, line);
  }

  warn(code: DiagnosticCode, message: string, file: string, line: number): void {
    this.add(code, 'warning', message, file, line);
  }

  info(code: DiagnosticCode, message: string, file: string, line: number): void {
    this.add(code, 'info', message, file, line);
  }
}
