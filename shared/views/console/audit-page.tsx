import type { Principal } from '../../domain/account';
import { type AuditEntry, type AuditFilter, unitOfTarget } from '../../domain/audit';
import { actionLabels, auditText } from '../../domain/audit-text';
import { chinaTime } from './format';
import { ConsoleLayout } from './layout';

/** 操作记录: who did what to which unit, by name; narrowed by unit, person, action and days. */
export function AuditPage(props: {
  who: Principal;
  csrf: string;
  entries: AuditEntry[];
  nextCursor?: string | undefined;
  unitNames: Record<string, string>;
  peopleNames: Record<string, string>;
  filter: AuditFilter;
}) {
  const f = props.filter;
  const kept = (more: Record<string, string>) => `/console/audit?${new URLSearchParams(filters(more))}`;
  const filters = (more: Record<string, string> = {}) =>
    Object.entries({ ...f, ...more }).filter((e): e is [string, string] => typeof e[1] === 'string');
  const exported = (format: string) =>
    `/api/audit/export?${new URLSearchParams([['format', format], ...filters()])}`;
  const person = (username: string) => props.peopleNames[username] ?? username;
  return (
    <ConsoleLayout title="操作记录" who={props.who} csrf={props.csrf}>
      <form method="get" action="/console/audit" class="card">
        {f.unit && <input type="hidden" name="unit" value={f.unit} />}
        {f.actor && <input type="hidden" name="actor" value={f.actor} />}
        <div class="grid">
          <div>
            <label for="action">操作</label>
            <select id="action" name="action">
              <option value="">全部</option>
              {Object.entries(actionLabels).map(([k, v]) => (
                <option value={k} selected={k === f.action}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="from">从（日期）</label>
            <input id="from" name="from" type="date" value={f.from ?? ''} />
          </div>
          <div>
            <label for="to">到（日期）</label>
            <input id="to" name="to" type="date" value={f.to ?? ''} />
          </div>
        </div>
        <p class="muted">
          {f.unit && <>单位：{props.unitNames[f.unit] ?? '所选单位'}　</>}
          {f.actor && <>操作人：{person(f.actor)}　</>}
          点表中的单位或操作人，只看与其有关的记录。
          {Object.keys(f).length > 0 && <a href="/console/audit">清除筛选</a>}
        </p>
        <button type="submit">筛选</button>
      </form>
      <p>
        导出符合条件的全部记录：<a href={exported('xlsx')}>Excel（XLSX）</a> <a href={exported('csv')}>CSV</a>
      </p>
      <table class="cards">
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>操作</th>
            <th>单位 · 对象</th>
            <th>内容</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => {
            const text = auditText(e);
            const unitId = unitOfTarget(e.target);
            return (
              <tr>
                <td class="day" data-label="时间">
                  {chinaTime(e.at)}
                </td>
                <td data-label="操作人">
                  <a href={kept({ actor: e.actor })}>{person(e.actor)}</a>
                </td>
                <td data-label="操作">{text.action}</td>
                <td data-label="单位 · 对象">
                  {unitId && (
                    <>
                      <a href={kept({ unit: unitId })}>{props.unitNames[unitId] ?? '（已删除的单位）'}</a>
                      {' · '}
                    </>
                  )}
                  {text.target}
                </td>
                <td data-label="内容">
                  {text.details}
                  <details class="muted">
                    <summary>技术信息</summary>
                    <code>
                      {e.actor} {e.action} {e.target} {e.detail ? JSON.stringify(e.detail) : ''}
                    </code>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.entries.length === 0 && <p class="muted">没有符合条件的记录。</p>}
      {props.nextCursor && (
        <p>
          <a href={kept({ cursor: props.nextCursor })}>更早的记录</a>
        </p>
      )}
    </ConsoleLayout>
  );
}
