// The library exists to carry the embedded .qm resources (under :/i18n) into the app.
