// Brings a page's islands to life once the page has been shown: Leptos's own island script
// (leptos 0.8, hydration/island_script.js, MIT), changed in two ways so a cheap phone stays
// responsive. Nothing is fetched before the browser is idle: the page, its words and its
// forms come first. And each step (compiling, starting, then every island) runs in a task of
// its own, so none holds the phone's one busy core for long.
((js, wasm) => {
	const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
	// Idle, or after two seconds at the latest: a page that never goes idle (a busy phone, a
	// window the browser throttles) still gets its islands.
	const whenIdle = (then) =>
		"requestIdleCallback" in window
			? window.requestIdleCallback(then, { timeout: 2000 })
			: setTimeout(then, 1);
	// The children of the island being hydrated, as in Leptos's script.
	const children = [];

	async function traverse(node, mod) {
		if (node.nodeType !== Node.ELEMENT_NODE) {
			return;
		}
		const tag = node.tagName.toLowerCase();
		if (tag === "leptos-island") {
			await nextTask();
			const island = mod[node.dataset.component];
			if (island) {
				const onHydrate = children[children.length - 1];
				if (onHydrate) {
					onHydrate();
				}
				const done = island(node);
				if (done && done.then) {
					await done;
				}
			} else {
				console.warn(`no WebAssembly function for the island ${node.dataset.component}`);
			}
		}
		const isChildren = tag === "leptos-children";
		if (isChildren) {
			children.push(node.$$on_hydrate);
		}
		for (const child of node.children) {
			await traverse(child, mod);
		}
		if (isChildren) {
			children.pop();
		}
	}

	// The WebAssembly, fetched and compiled; once more a few seconds later if that fails (a
	// phone's signal dropping halfway through the largest file of the page).
	async function load(mod, mark) {
		try {
			await mod.default({ module_or_path: wasm });
		} catch (error) {
			mark.hydrationRetried = String(error);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			await mod.default({ module_or_path: wasm });
		}
	}

	whenIdle(async () => {
		// The browser tests wait for this mark before they type; on failure it says why.
		const mark = document.body.dataset;
		try {
			const mod = await import(js);
			await load(mod, mark);
			await nextTask();
			mod.hydrate();
			await traverse(document.body, mod);
			mark.hydrated = "true";
		} catch (error) {
			// The page still works: every form is a plain post.
			mark.hydrated = "failed";
			mark.hydrationError = String(error);
			console.error("the page's islands did not start", error);
		}
	});
})
