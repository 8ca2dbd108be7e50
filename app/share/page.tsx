import type { Metadata } from "next";
import { ShareBroken } from "@/components/share/share-broken";
import { ShareView } from "@/components/share/share-view";
import { decodeRecipe, SHARE_PARAM, shareToken } from "@/lib/share/link";
import { recipeMetadata } from "@/lib/share/metadata";

// Every link is its own page: rendered per request, never prerendered or cached per token.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const decoded = decodeRecipe(shareToken((await searchParams)[SHARE_PARAM]));
  return {
    ...recipeMetadata(decoded),
    // Image hosts are not handed the whole recipe in the Referer header.
    referrer: "no-referrer",
  };
}

export default async function SharePage({ searchParams }: Props) {
  const token = shareToken((await searchParams)[SHARE_PARAM]);
  const decoded = decodeRecipe(token);
  return decoded.ok ? (
    <ShareView recipe={decoded.recipe} notes={decoded.notes} token={token} />
  ) : (
    <ShareBroken problem={decoded.problem} message={decoded.message} />
  );
}
