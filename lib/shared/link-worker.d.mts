/** Hard-links each `from<TAB>to` line of `list`, making the folders, copying where links fail; how many files it placed. */
export function linkListed(list: string): number;
