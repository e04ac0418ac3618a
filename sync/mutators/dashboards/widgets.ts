import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { cellInput, cellIssues, widgetContentInput, widgetInput } from '../../../shared/dashboards/fields.ts';
import { DASHBOARD_WIDGETS_MAX } from '../../../shared/dashboards/grid.ts';
import { widgetSpec } from '../../../shared/dashboards/registry.ts';
import { fieldIssues, idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { checkGoal, checkReferences, dashboardAccess, setWidgetKpis, widgetAccess } from './access.ts';
import { widgetArgs } from './dashboards.ts';

const addArgs = widgetArgs.extend({ dashboardID: id });
const updateArgs = z.object({
  id,
  kpiIDs: z.array(z.string()).optional(),
  goalID: z.string().nullable().optional(),
  text: z.string().optional(),
  options: z.record(z.string(), z.json()).optional(),
});
const moveArgs = z.object({
  dashboardID: id,
  moves: z
    .array(z.object({ id, x: z.number(), y: z.number(), w: z.number(), h: z.number() }))
    .min(1)
    .max(DASHBOARD_WIDGETS_MAX),
});

export const widgetMutators = {
  /** A widget placed on a dashboard. */
  add: defineMutator(addArgs, async ({ tx, args, ctx }) => {
    const { id: widgetID, dashboardID, ...rest } = args;
    const { kpiIDs, ...fields } = validate(widgetInput, rest);
    const { orgID } = await dashboardAccess(tx, ctx, dashboardID, 'edit');
    if (tx.location === 'server') {
      const count = (await tx.run(zql.dashboardWidget.where('organizationID', orgID).where('dashboardID', dashboardID))).length;
      if (count >= DASHBOARD_WIDGETS_MAX) {
        throw mutatorError('CONFLICT', `A dashboard has at most ${DASHBOARD_WIDGETS_MAX} widgets. Remove one first.`);
      }
    }
    await checkGoal(tx, orgID, fields.goalID, []);
    await checkReferences(tx, orgID, fields, []);
    const row = { ...fields, id: widgetID, organizationID: orgID, dashboardID, updatedBy: ctx.userID, updatedAt: Date.now() };
    await insertNew(tx, 'dashboardWidget', [row]);
    await setWidgetKpis(tx, orgID, row, kpiIDs, []);
  }),

  /** What a widget shows: its KPIs, goal, note or options (its type stays). */
  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const { orgID, widget } = await widgetAccess(tx, ctx, args.id, 'edit');
    if (!widget) return;
    const links = await tx.run(
      zql.dashboardWidgetKpi.where('organizationID', orgID).where('widgetID', widget.id).orderBy('position', 'asc'),
    );
    const content = validate(widgetContentInput, {
      type: widget.type,
      kpiIDs: args.kpiIDs ?? links.map((l) => l.kpiID),
      goalID: args.goalID === undefined ? (widget.goalID ?? null) : args.goalID,
      text: args.text ?? widget.text,
      options: args.options ?? widget.options,
    });
    await checkGoal(tx, orgID, content.goalID, []);
    await checkReferences(tx, orgID, content, []);
    await tx.mutate.dashboardWidget.update({
      id: widget.id,
      goalID: content.goalID,
      text: content.text,
      options: content.options,
      updatedBy: ctx.userID,
      updatedAt: Date.now(),
    });
    if (args.kpiIDs) await setWidgetKpis(tx, orgID, widget, content.kpiIDs, []);
  }),

  /**
   * Widgets moved or resized by one drag (the grid may push others aside):
   * each is its own row, so two people arranging at once never overwrite
   * each other's widgets; the same widget moved by both ends where the
   * later move put it, on every screen.
   */
  move: defineMutator(moveArgs, async ({ tx, args, ctx }) => {
    const { orgID } = await dashboardAccess(tx, ctx, args.dashboardID, 'edit');
    const now = Date.now();
    for (const [i, move] of args.moves.entries()) {
      const widget = await tx.run(zql.dashboardWidget.where('organizationID', orgID).where('id', move.id).one());
      if (!widget || widget.dashboardID !== args.dashboardID) {
        if (tx.location === 'server') throw mutatorError('NOT_FOUND', 'Widget not found.');
        continue;
      }
      const spec = widgetSpec(widget.type);
      const parsed = cellInput.safeParse({ x: move.x, y: move.y, w: move.w, h: move.h });
      const issues = (
        parsed.success
          ? cellIssues(parsed.data, spec?.minSize, spec?.label.toLowerCase()).map((p) => ({
              loc: p.path,
              msg: p.message,
              type: 'custom',
            }))
          : fieldIssues(parsed.error)
      ).map((issue) => ({ ...issue, loc: ['moves', i, ...issue.loc] }));
      if (!parsed.success || issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((x) => x.msg).join('; '), issues);
      const cell = parsed.data;
      await tx.mutate.dashboardWidget.update({ id: move.id, ...cell, updatedBy: ctx.userID, updatedAt: now });
    }
  }),

  remove: defineMutator(z.object({ id }), async ({ tx, args, ctx }) => {
    const { orgID, widget } = await widgetAccess(tx, ctx, args.id, 'edit');
    if (!widget) return;
    for (const link of await tx.run(zql.dashboardWidgetKpi.where('organizationID', orgID).where('widgetID', widget.id))) {
      await tx.mutate.dashboardWidgetKpi.delete({ id: link.id });
    }
    await tx.mutate.dashboardWidget.delete({ id: widget.id });
  }),
};
