export { adminTabs, kRoles } from './admin'
export { default as AdminTabs } from './AdminTabs.vue'
