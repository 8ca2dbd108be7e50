"use client";

import { useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { Panel } from "@/components/ui/panel";
import { checkForm } from "@/lib/domain/form-check";
import { randomSeed } from "@/lib/domain/settings";
import type { AxisInput } from "@/lib/store/outcomes";
import { planSweep } from "@/lib/store/sweep-plan";
import { SweepAxisField } from "./sweep-axis-field";
import { SweepConfirm } from "./sweep-confirm";
import { SweepHeld } from "./sweep-held";
import { SweepOptions, useSweepBudget } from "./sweep-options";
import { SweepSummary } from "./sweep-summary";

/**
 * The LoRA lab's sweep form: up to two axes over the form's edit, everything else held (the seed
 * fixed), the cost before anything is sent, and a confirmation above the person's budget.
 */
export function SweepPanel() {
  const store = usePlaygroundStoreApi();
  const startSweep = usePlaygroundStore((s) => s.startSweep);
  const sweepError = usePlaygroundStore((s) => s.sweepError);
  // Re-plan whenever the form changes.
  usePlaygroundStore(
    useShallow((s) => [
      s.image,
      s.prompt,
      s.loras,
      s.settings,
      s.sweepImageFiles,
      s.readingSweepImages,
    ]),
  );
  const axes = usePlaygroundStore((s) => s.sweepForm);
  const setAxes = usePlaygroundStore((s) => s.setSweepForm);
  // Kept in the store (and across reloads): the seed every cell holds, and the concurrency.
  const seed = usePlaygroundStore((s) => s.sweepFormSeed);
  const concurrency = usePlaygroundStore((s) => s.sweepFormConcurrency);
  const setOptions = usePlaygroundStore((s) => s.setSweepFormOptions);
  const [budget, setBudget] = useSweepBudget();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isStarting, setIsStarting] = useState(false);
  const runButtonRef = useRef<HTMLButtonElement>(null);

  const withTargets = axes.map((axis) =>
    axis.kind === "lora_scale" && !axis.target ? { ...axis, target: defaultTarget(store) } : axis,
  );
  const plan = planSweep(store.getState(), withTargets, seed, checkForm);

  async function run() {
    setIsConfirming(false);
    setIsStarting(true);
    try {
      const id = await startSweep(withTargets, { concurrency, seed });
      if (id) {
        setOptions({ seed: randomSeed() });
        // The new sweep is the gallery's first item: take the person to its grid.
        focusAfterRender([`sweep-${id}-title`]);
      }
    } finally {
      setIsStarting(false);
    }
  }

  function onRun() {
    if (!plan.ok) return;
    if (plan.estimate.usd > budget) setIsConfirming(true);
    else void run();
  }

  const updateAxis = (index: number, axis: AxisInput) =>
    setAxes(axes.map((entry, i) => (i === index ? axis : entry)));

  return (
    <Panel title="Sweep" titleId="sweep-panel-title">
      <p className="-mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        Run this edit across values side by side — LoRA strengths, styles, seeds, prompts — with
        everything else held.
      </p>
      {axes.map((axis, index) => (
        <SweepAxisField
          // biome-ignore lint/suspicious/noArrayIndexKey: the two axes are fixed slots.
          key={index}
          index={index}
          axis={axis}
          otherKind={axes[1 - index]?.kind ?? null}
          error={
            !plan.ok && plan.axis === index && (axis.kind === "image" || axis.text.trim())
              ? plan.message
              : undefined
          }
          onChange={(next) => updateAxis(index, next)}
        />
      ))}
      <div className="flex flex-wrap gap-2">
        {axes.length === 1 ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setAxes([...axes, { kind: "prompt", text: "" }])}
          >
            Add a second axis
          </Button>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setAxes(axes.slice(0, 1))}>
            Remove the second axis
          </Button>
        )}
      </div>
      <SweepOptions
        concurrency={concurrency}
        onConcurrency={(value) => setOptions({ concurrency: value })}
        budget={budget}
        onBudget={setBudget}
      />
      <SweepSummary plan={plan} error={sweepError} />
      {plan.ok ? (
        <SweepHeld requests={plan.grid.cells.map((cell) => cell.request)} className="-mt-2 px-1" />
      ) : null}
      <Button
        ref={runButtonRef}
        variant="primary"
        disabled={!plan.ok || isStarting}
        aria-busy={isStarting || undefined}
        onClick={onRun}
      >
        {isStarting
          ? "Starting…"
          : plan.ok
            ? `Run sweep (${plan.estimate.requests} cells)`
            : "Run sweep"}
      </Button>
      {isConfirming && plan.ok ? (
        <SweepConfirm
          usd={plan.estimate.usd}
          budget={budget}
          requests={plan.estimate.requests}
          onConfirm={() => void run()}
          onCancel={() => {
            setIsConfirming(false);
            runButtonRef.current?.focus();
          }}
        />
      ) : null}
    </Panel>
  );
}

/** The first enabled LoRA of the stack, else the other axis's LoRAs. */
function defaultTarget(store: ReturnType<typeof usePlaygroundStoreApi>): AxisInput["target"] {
  const path = store
    .getState()
    .loras.find((lora) => lora.isEnabled && lora.path.trim())
    ?.path.trim();
  return path ? { kind: "stack", path } : { kind: "swept" };
}
