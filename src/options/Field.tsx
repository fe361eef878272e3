// Small labelled controls for the options page: every control has a visible label.
import type { ComponentChildren } from 'preact';

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="opt-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function Radios<T extends string>({ name, legend, value, options, onChange }: {
  name: string; legend: string; value: T; options: { value: T; label: string; hint?: string }[]; onChange: (v: T) => void;
}) {
  return (
    <fieldset class="opt-fieldset">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label class="opt-check" key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}{o.hint && <span class="small muted opt-hint">{o.hint}</span>}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Check({ label, checked, onChange, hint }: {
  label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string;
}) {
  return (
    <label class="opt-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>{label}{hint && <span class="small muted opt-hint">{hint}</span>}</span>
    </label>
  );
}
